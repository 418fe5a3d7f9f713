<#-- One Flux Kustomization per step (load, snapshot, serve, train), each depending on the one before and
     waiting for its objects to be healthy, so a Job's completion gates the next step. force re-creates
     objects whose immutable fields changed (Jobs). `r` is a plan EntryPoint. -->
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${json(r.name + "-" + r.step)}
  namespace: flux-system
spec:
  interval: 10m
  retryInterval: 1m
  timeout: 2h
  path: ${json("./" + r.path + "/" + r.step)}
  prune: true
  wait: ${r.waits?c}
  force: true
  targetNamespace: ${json(r.namespace)}
  sourceRef:
    kind: GitRepository
    name: ${json(r.name)}
<#if r.dependsOn?has_content>
  dependsOn:
  - name: ${json(r.name + "-" + r.dependsOn)}
</#if>
