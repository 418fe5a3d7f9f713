<#-- Grants the endpoint picker its Role. `r` is a plan traffic PickerPlan. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
subjects:
- kind: ServiceAccount
  name: ${json(r.name)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${json(r.name)}
