<#-- SeaweedFS in one process: master, volume server, filer and the S3 gateway. Started with `weed`
     itself rather than the image's entrypoint script, so every flag is here: the data on the claim, one
     volume per 1 GiB, and the S3 identities from the credentials Secret the setup Job fills (the pod
     waits for that key). It runs as a non-root user (the image defaults to root but needs none).
     `r` is a plan LocalBucket. -->
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/name: ${json(r.name)}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${json(r.name)}
        app.kubernetes.io/component: local-bucket
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: ${json(r.seaweedfsUid)}
        runAsGroup: ${json(r.seaweedfsUid)}
        fsGroup: ${json(r.seaweedfsUid)}
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: seaweedfs
        image: ${json(r.image)}
        command: ["/usr/bin/weed"]
        args: ${json(["-logtostderr=true", "server", "-dir=/data", "-volume.max=0", "-master.volumeSizeLimitMB=1024", "-s3", "-s3.port=" + r.s3Port?c, "-s3.config=/etc/kubeai-bucket/s3.json"])}
        ports:
        - name: s3
          containerPort: ${json(r.s3Port)}
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /status
            port: s3
          periodSeconds: 5
        resources:
          requests:
            cpu: 250m
            memory: 512Mi
          limits:
            memory: 2Gi
        securityContext: ${json(r.restricted)}
        volumeMounts:
        - name: data
          mountPath: /data
        - name: config
          mountPath: /etc/kubeai-bucket
          readOnly: true
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: ${json(r.name)}
      - name: config
        secret:
          secretName: ${json(r.secret)}
          items:
          - key: s3.json
            path: s3.json
      - name: tmp
        emptyDir: {}
