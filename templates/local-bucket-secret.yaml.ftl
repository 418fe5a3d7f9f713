<#-- The local bucket's S3 credentials, rendered EMPTY on purpose: the setup Job fills it in the cluster
     (accessKeyID, secretAccessKey, s3.json) and its Role may touch only this Secret, which it could not
     if it had to create it. Appliers leave the data alone: it is in no applied configuration, so
     kubectl's three-way merge, Argo CD's diff and Flux's server-side apply all keep it.
     `r` is a plan LocalBucket. -->
apiVersion: v1
kind: Secret
metadata:
  name: ${json(r.secret)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
type: Opaque
