<#-- Creates the local bucket's buckets once SeaweedFS answers; a bucket that exists is left alone.
     `r` is a plan LocalBucket.BucketJob. -->
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
      containers:
      - name: create-buckets
        image: ${json(r.store.image)}
        command: ["/bin/sh", "-c"]
        args:
        - ${json("set -e; master=" + r.store.name + ":9333; until echo 's3.bucket.list' | weed shell -master=$master >/tmp/list 2>&1; do sleep 2; done; for b in " + r.store.buckets?join(" ") + "; do grep -qw \"$b\" /tmp/list || echo \"s3.bucket.create -name $b\" | weed shell -master=$master; done")}
        resources:
          requests:
            cpu: 50m
            memory: 64Mi
          limits:
            memory: 256Mi
