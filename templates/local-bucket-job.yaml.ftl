<#-- The local bucket's setup, with the loader image: `bucket-credentials` fills the credentials Secret
     once (an init container, so the next container's keys come from the filled Secret), then
     `create-buckets` creates the buckets through the S3 API once SeaweedFS answers; a bucket that exists
     is left alone. `r` is a plan LocalBucket.SetupJob. -->
apiVersion: batch/v1
kind: Job
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.store.name)}
    app.kubernetes.io/component: local-bucket
spec:
  backoffLimit: 10
  template:
    metadata:
      labels:
        app.kubernetes.io/component: local-bucket
    spec:
      restartPolicy: OnFailure
      serviceAccountName: ${json(r.store.setup)}
      # Only this Job talks to the API server; its ServiceAccount does not mount a token elsewhere.
      automountServiceAccountToken: true
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      initContainers: ${json([r.store.containers[0]])}
      containers: ${json([r.store.containers[1]])}
