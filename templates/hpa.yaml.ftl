<#-- Owns the replica count of a Model that gives a range. `r` is a plan Autoscaler. The CPU metric is a
     placeholder a GPU server rarely needs: override this template with your metric (requests in flight
     through a Prometheus adapter, or KEDA). -->
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${json(r.name)}
  minReplicas: ${json(r.minReplicas)}
  maxReplicas: ${json(r.maxReplicas)}
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 80
