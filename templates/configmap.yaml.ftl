<#-- A Model's ConfigMap. `r` is a plan ConfigMapPlan. -->
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
data: ${json(r.data)}
