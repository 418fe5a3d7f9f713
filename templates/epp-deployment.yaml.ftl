<#-- The endpoint picker (EPP) of one Model's InferencePool, upstream's image and flags. `r` is a plan
     traffic PickerPlan. One replica with Recreate, as upstream recommends: the prefix-cache scorer keeps
     state in memory, and two pickers would each hold half of it. -->
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: endpoint-picker
    kubeai.org/model: ${json(r.model)}
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/component: endpoint-picker
      kubeai.org/model: ${json(r.model)}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${json(r.name)}
        app.kubernetes.io/component: endpoint-picker
        kubeai.org/model: ${json(r.model)}
      annotations:
        kubeai.org/config-hash: ${json(r.configHash)}
    spec:
      serviceAccountName: ${json(r.name)}
      terminationGracePeriodSeconds: 130
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: epp
        image: ${json(r.image)}
        imagePullPolicy: IfNotPresent
        args: ${json(r.args)}
        env:
        - name: NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        ports:
        - name: grpc
          containerPort: 9002
        - name: grpc-health
          containerPort: 9003
        - name: metrics
          containerPort: 9090
        livenessProbe:
          grpc:
            port: 9003
            service: inference-extension
          initialDelaySeconds: 5
          periodSeconds: 10
        readinessProbe:
          grpc:
            port: 9003
            service: inference-extension
          periodSeconds: 2
        resources:
<#if r.requests?has_content>
          requests: ${json(r.requests)}
</#if>
<#if r.limits?has_content>
          limits: ${json(r.limits)}
</#if>
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: config
          mountPath: /config
          readOnly: true
      volumes:
      - name: config
        configMap:
          name: ${json(r.name)}
