<#-- The local bucket's S3 endpoint: http://kubeai-bucket.<namespace>.svc.cluster.local:8333 -->
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
    port: 8333
    targetPort: s3
    protocol: TCP
  - name: master
    port: 9333
    targetPort: master
    protocol: TCP
