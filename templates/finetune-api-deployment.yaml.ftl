<#-- The OpenAI-compatible finetuning API. One replica, replaced not rolled: it keeps its idempotency
     locks in memory, so two copies must never serve at once. Uploads are checked in /tmp before they
     go to the bucket, and Git clones live there too. `r` is a FinetuneApiPlan. -->
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${r.name}
  labels:
    app.kubernetes.io/name: ${r.name}
    app.kubernetes.io/component: finetune-api
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/name: ${r.name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${r.name}
        app.kubernetes.io/component: finetune-api
    spec:
      serviceAccountName: ${r.name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        fsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: api
        image: ${json(r.image)}
        ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        env: ${json(r.env)}
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
          periodSeconds: 5
        livenessProbe:
          httpGet:
            path: /healthz
            port: http
          initialDelaySeconds: 10
          periodSeconds: 20
        resources:
          requests:
            cpu: 250m
            memory: 512Mi
          limits:
            memory: 1Gi
        securityContext: ${json(r.securityContext)}
        volumeMounts:
        - name: api-keys
          mountPath: /var/run/secrets/kubeai-finetune-api
          readOnly: true
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: api-keys
        secret:
          secretName: ${json(r.secretName)}
          items:
          - key: apiKeys
            path: apiKeys
      - name: tmp
        emptyDir:
          sizeLimit: 2Gi
