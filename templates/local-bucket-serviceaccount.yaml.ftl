<#-- The local bucket's setup Job's identity. `r` is a plan LocalBucket. -->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${json(r.setup)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
automountServiceAccountToken: false
