<#-- A snapshot of a filled ReadWriteOnce cache disk. `r` is a plan Snapshot. -->
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata:
  name: ${json(r.name)}
  labels:
    app.kubernetes.io/component: cache
    kubeai.org/model: ${json(r.model)}
spec:
<#if r.snapshotClass?has_content>
  volumeSnapshotClassName: ${json(r.snapshotClass)}
</#if>
  source:
    persistentVolumeClaimName: ${json(r.claim)}
