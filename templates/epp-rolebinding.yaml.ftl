<#-- Grants the endpoint picker its Role. `r` is a plan traffic PickerPlan. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${r.name}
  labels:
    kubeai.org/model: ${r.model}
subjects:
- kind: ServiceAccount
  name: ${r.name}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${r.name}
