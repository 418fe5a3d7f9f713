<#-- KEDA owns the replica count of a vLLM Model: requests running plus waiting across its pods, per
     replica, against targetRequests, as KubeAI's autoscaler computes it. `r` is a plan traffic ScalerPlan.
     cooldownPeriod governs scaling to zero; the HPA's scale-down window governs every other step down. -->
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${json(r.name)}
  minReplicaCount: ${r.minReplicas?c}
  maxReplicaCount: ${r.maxReplicas?c}
  pollingInterval: ${r.pollingInterval?c}
  cooldownPeriod: ${r.cooldown?c}
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        scaleDown:
          stabilizationWindowSeconds: ${r.cooldown?c}
  triggers:
<#list r.triggers as t>
  - type: prometheus
    name: ${json(t.name)}
    metricType: AverageValue
    metadata:
      serverAddress: ${json(t.serverAddress)}
      query: ${json(t.query)}
      threshold: ${json(t.threshold)}
      activationThreshold: ${json(t.activationThreshold)}
<#if t.authModes?has_content>
      authModes: ${json(t.authModes)}
    authenticationRef:
      name: ${json(t.authentication)}
</#if>
</#list>
