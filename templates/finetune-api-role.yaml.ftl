<#-- Least privilege: the API reads the training Jobs' status in its own namespace. It never writes to the
     cluster: every change goes through Git. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${r.name}
  labels:
    app.kubernetes.io/name: ${r.name}
    app.kubernetes.io/component: finetune-api
rules:
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch"]
