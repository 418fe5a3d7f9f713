<#-- Grants the pod's ServiceAccount the adapter-sync Role. `r` is a plan SyncAccess. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
subjects:
- kind: ServiceAccount
  name: ${json(r.serviceAccount)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${json(r.name)}
