<#-- The serving Deployment of a Model. `r` is a plan Server; json(x) writes any value safely. r.name is the
     object name, r.model the Model's name as written (labels); r.podLabels holds both and the Model's labels. -->
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/name: ${json(r.name)}
    app.kubernetes.io/component: server
    kubeai.org/model: ${json(r.model)}
    kubeai.org/engine: ${json(r.engine)}
<#if r.podSecurityReason??>
  annotations:
    # This server runs at the baseline Pod Security level, not restricted; the namespace enforces baseline.
    kubeai.org/pod-security: baseline
    kubeai.org/pod-security-reason: ${json(r.podSecurityReason)}
</#if>
spec:
<#if r.replicas??>
  replicas: ${json(r.replicas)}
</#if>
  selector:
    matchLabels:
      app.kubernetes.io/component: server
      kubeai.org/model: ${json(r.model)}
  template:
    metadata:
      labels: ${json(r.podLabels)}
<#if r.podAnnotations?has_content>
      annotations: ${json(r.podAnnotations)}
</#if>
    spec:
<#if r.serviceAccountName??>
      serviceAccountName: ${json(r.serviceAccountName)}
</#if>
<#if r.imagePullSecrets?has_content>
      imagePullSecrets:
<#list r.imagePullSecrets as secret>
      - name: ${json(secret)}
</#list>
</#if>
<#if r.automountServiceAccountToken??>
      automountServiceAccountToken: ${json(r.automountServiceAccountToken)}
</#if>
      securityContext: ${json(r.podSecurityContext)}
<#if r.priorityClassName??>
      priorityClassName: ${json(r.priorityClassName)}
</#if>
<#if r.runtimeClassName??>
      runtimeClassName: ${json(r.runtimeClassName)}
</#if>
<#if r.schedulerName??>
      schedulerName: ${json(r.schedulerName)}
</#if>
<#if r.nodeSelector?has_content>
      nodeSelector: ${json(r.nodeSelector)}
</#if>
<#if r.tolerations??>
      tolerations: ${json(r.tolerations)}
</#if>
<#if r.affinity??>
      affinity: ${json(r.affinity)}
</#if>
<#if r.initContainers?has_content>
      initContainers: ${json(r.initContainers)}
</#if>
      containers:
      - name: server
        image: ${json(r.image)}
<#if r.command?has_content>
        command: ${json(r.command)}
</#if>
<#if r.args?has_content>
        args: ${json(r.args)}
</#if>
<#if r.env?has_content>
        env: ${json(r.env)}
</#if>
<#if r.envFrom??>
        envFrom: ${json(r.envFrom)}
</#if>
        ports:
        - name: http
          containerPort: 8000
          protocol: TCP
        resources:
<#if r.requests?has_content>
          requests: ${json(r.requests)}
</#if>
<#if r.limits?has_content>
          limits: ${json(r.limits)}
</#if>
<#if r.securityContext??>
        securityContext: ${json(r.securityContext)}
</#if>
<#if r.startupProbe??>
        startupProbe: ${json(r.startupProbe)}
</#if>
<#if r.readinessProbe??>
        readinessProbe: ${json(r.readinessProbe)}
</#if>
<#if r.livenessProbe??>
        livenessProbe: ${json(r.livenessProbe)}
</#if>
        volumeMounts: ${json(r.mounts)}
      volumes: ${json(r.volumes)}
