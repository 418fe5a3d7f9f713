<#-- The InferencePool over one Model's server pods (Gateway API Inference Extension v1). `r` is a plan
     traffic PoolPlan. The Gateway sends each request to the pod its endpoint picker chooses. -->
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/component: server
      kubeai.org/model: ${json(r.model)}
  targetPorts:
  - number: ${r.port?c}
  appProtocol: http
  endpointPickerRef:
    kind: Service
    name: ${json(r.picker)}
    port:
      number: ${r.pickerPort?c}
    failureMode: ${json(r.failureMode)}
