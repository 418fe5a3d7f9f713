<#-- Clients use http://kubeai-finetune-api.<namespace>.svc/v1 as the OpenAI base URL. -->
apiVersion: v1
kind: Service
metadata:
  name: ${r.name}
  labels:
    app.kubernetes.io/name: ${r.name}
    app.kubernetes.io/component: finetune-api
spec:
  selector:
    app.kubernetes.io/name: ${r.name}
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
