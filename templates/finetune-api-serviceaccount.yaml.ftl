<#-- The finetuning API's identity: its Role lets it read training Jobs, nothing else. `r` is a FinetuneApiPlan. -->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${r.name}
  labels:
    app.kubernetes.io/name: ${r.name}
    app.kubernetes.io/component: finetune-api
