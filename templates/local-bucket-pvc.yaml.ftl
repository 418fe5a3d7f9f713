<#-- The local bucket's volume (the cluster's default storage class). `r` is a plan LocalBucket. -->
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: ${json(r.size)}
