<#-- The endpoint picker's identity. `r` is a plan traffic PickerPlan. -->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${r.name}
  labels:
    kubeai.org/model: ${r.model}
