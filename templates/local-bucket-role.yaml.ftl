<#-- The setup Job reads and fills the one credentials Secret, and nothing else. `r` is a plan LocalBucket. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${json(r.setup)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
rules:
- apiGroups: [""]
  resources: ["secrets"]
  resourceNames: [${json(r.secret)}]
  verbs: ["get", "patch"]
