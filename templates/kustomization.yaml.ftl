<#-- A folder's kustomization: every file or folder in `resources`, sorted. -->
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: ${json(resources)}
