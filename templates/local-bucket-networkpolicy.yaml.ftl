<#-- Only pods of this namespace reach the local bucket, and only its S3 port. -->
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: local-bucket
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${json(r.name)}
  policyTypes: ["Ingress"]
  ingress:
  - from:
    - podSelector: {}
    ports:
    - port: ${json(r.s3Port)}
      protocol: TCP
