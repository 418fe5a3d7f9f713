<#-- The local bucket's S3 endpoint: http://kubeai-bucket.<namespace>.svc.cluster.local:8333. SeaweedFS's
     master, volume server and filer (and their gRPC ports) talk inside the pod only. -->
apiVersion: v1
kind: Service
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
spec:
  selector:
    app.kubernetes.io/name: ${json(r.name)}
  ports:
  - name: s3
    port: ${json(r.s3Port)}
    targetPort: s3
    protocol: TCP
