<#-- The training Job of a FineTuneJob. `r` is a plan TrainingJob. Init containers run one after another:
     base model, training data, trainer; the main container publishes the adapter and commits it to Git.
     No ttlSecondsAfterFinished: a GitOps engine would re-create a Job the cluster deleted. -->
apiVersion: batch/v1
kind: Job
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/component: finetune
    kubeai.org/model: ${json(r.model)}
    kubeai.org/finetune-job: ${json(r.job)}
  annotations:
    kubeai.org/adapter-url: ${json(r.adapterUrl)}
spec:
  backoffLimit: 2
  template:
    metadata:
      labels:
        app.kubernetes.io/component: finetune
        kubeai.org/finetune-job: ${json(r.job)}
    spec:
      restartPolicy: Never
      securityContext: ${json(r.securityContext)}
<#if r.nodeSelector?has_content>
      nodeSelector: ${json(r.nodeSelector)}
</#if>
<#if r.tolerations??>
      tolerations: ${json(r.tolerations)}
</#if>
<#if r.affinity??>
      affinity: ${json(r.affinity)}
</#if>
<#if r.runtimeClassName??>
      runtimeClassName: ${json(r.runtimeClassName)}
</#if>
      initContainers: ${json(r.initContainers)}
      containers: ${json([r.hook])}
      volumes: ${json(r.volumes)}
