// All three invocations (check, generate, check) wrote to one build.log.
String log = new File(basedir, 'build.log').text

assert log.contains("is stale; run 'mvn kubeai:generate' and commit the result")
assert log.contains('  stale: kustomization.yaml')
assert log.contains('  stale: models/gemma/deployment.yaml')
assert log.contains('  not rendered any more: models/retired/deployment.yaml')
assert log.contains('  deleted models/retired/deployment.yaml')
assert log.contains('rendered tree is up to date')
assert log.count('BUILD FAILURE') == 1: 'only the first kubeai:check may fail'

File rendered = new File(basedir, 'rendered')
assert new File(rendered, 'kustomization.yaml').text.contains('models/gemma')
assert new File(rendered, 'models/gemma/deployment.yaml').isFile()
assert !new File(rendered, 'models/retired/deployment.yaml').exists(): 'the orphan was not deleted'
assert new File(rendered, 'NOTES.md').isFile(): 'a file added by hand was deleted'
return true
