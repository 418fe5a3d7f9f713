<#-- Grants the setup Job its Role. `r` is a plan LocalBucket. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${json(r.setup)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
subjects:
- kind: ServiceAccount
  name: ${json(r.setup)}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${json(r.setup)}
