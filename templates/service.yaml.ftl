<#-- The Service of a Model: port 80 to the engine's port named http. `r` is a plan ServicePlan. -->
apiVersion: v1
kind: Service
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: server
    kubeai.org/model: ${json(r.model)}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/component: server
    kubeai.org/model: ${json(r.model)}
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
