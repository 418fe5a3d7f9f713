<#-- The InferencePool over one Model's server pods (Gateway API Inference Extension v1). `r` is a plan
     traffic PoolPlan. The Gateway sends each request to the pod its endpoint picker chooses. -->
apiVersion: inference.networking.k8s.io/v1
kind: InferencePool
metadata:
  name: ${r.name}
  labels:
    kubeai.org/model: ${r.name}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/component: server
      kubeai.org/model: ${r.name}
  targetPorts:
  - number: ${r.port?c}
  appProtocol: http
  endpointPickerRef:
    kind: Service
    name: ${r.picker}
    port:
      number: ${r.pickerPort?c}
    failureMode: ${json(r.failureMode)}
