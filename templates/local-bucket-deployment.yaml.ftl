<#-- SeaweedFS in one process: master, volume server, filer and the S3 gateway on 8333. No S3 identities are
     configured, so access is anonymous; the NetworkPolicy keeps it inside the namespace. -->
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
      containers:
      - name: seaweedfs
        image: ${json(r.image)}
        args: ["server", "-dir=/data", "-s3", "-s3.port=8333", "-master.volumeSizeLimitMB=1024", "-volume.max=0"]
        ports:
        - name: s3
          containerPort: 8333
          protocol: TCP
        - name: master
          containerPort: 9333
          protocol: TCP
        readinessProbe:
          tcpSocket:
            port: s3
          periodSeconds: 5
        resources:
          requests:
            cpu: 250m
            memory: 512Mi
          limits:
            memory: 2Gi
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: ${json(r.name)}
