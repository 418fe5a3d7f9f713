<#-- A loader Job: `load <source> <destination>`, once. `r` is a plan LoaderJob.
     No ttlSecondsAfterFinished: a GitOps engine would re-create a Job the cluster deleted. -->
apiVersion: batch/v1
kind: Job
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/component: loader
    kubeai.org/cache-key: ${json(r.cacheKey)}
<#if r.model?has_content>
    kubeai.org/model: ${json(r.model)}
</#if>
  annotations:
    kubeai.org/source: ${json(r.source)}
    kubeai.org/destination: ${json(r.destination)}
spec:
  backoffLimit: 6
  template:
    metadata:
      labels:
        app.kubernetes.io/component: loader
        kubeai.org/cache-key: ${json(r.cacheKey)}
    spec:
      restartPolicy: OnFailure
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        fsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: loader
        image: ${json(r.loader.image)}
        imagePullPolicy: ${json(r.loader.pullPolicy)}
        args: ${json(["load", r.source, r.destination])}
<#if r.env?has_content>
        env: ${json(r.env)}
</#if>
        resources:
          requests: ${json(r.loader.requests)}
          limits: ${json(r.loader.limits)}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: ["ALL"]
        volumeMounts: ${json(r.mounts)}
      volumes: ${json(r.volumes)}
