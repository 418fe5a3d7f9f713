<#-- A Model's ConfigMap. `r` is a plan ConfigMapPlan. -->
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${r.name}
  labels:
    kubeai.org/model: ${r.model}
data: ${json(r.data)}
