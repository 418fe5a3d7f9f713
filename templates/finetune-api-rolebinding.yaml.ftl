apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${r.name}
  labels:
    app.kubernetes.io/name: ${r.name}
    app.kubernetes.io/component: finetune-api
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${r.name}
subjects:
- kind: ServiceAccount
  name: ${r.name}
  namespace: ${json(r.namespace)}
