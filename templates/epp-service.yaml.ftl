<#-- The endpoint picker's Service: the Gateway calls it over ext-proc (gRPC) for every request, and
     Prometheus scrapes its flow-control queue. `r` is a plan traffic PickerPlan. -->
apiVersion: v1
kind: Service
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: endpoint-picker
    kubeai.org/model: ${json(r.model)}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/component: endpoint-picker
    kubeai.org/model: ${json(r.model)}
  ports:
  - name: grpc-ext-proc
    port: 9002
    targetPort: 9002
    protocol: TCP
    appProtocol: http2
  - name: http-metrics
    port: 9090
    targetPort: 9090
    protocol: TCP
