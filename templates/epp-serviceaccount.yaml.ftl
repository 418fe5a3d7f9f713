<#-- The endpoint picker's identity. `r` is a plan traffic PickerPlan. -->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
