// Both invocations wrote to one build.log.
String log = new File(basedir, 'build.log').text

assert log.contains('models:1:1: error: no Model was read from models/')
assert log.contains('--allow-empty (Maven: kubeai.allowEmpty)')
assert log.contains('  deleted models/retired/deployment.yaml')
assert log.count('BUILD FAILURE') == 1: 'only the first kubeai:generate may fail'

File rendered = new File(basedir, 'rendered')
assert !new File(rendered, 'models/retired/deployment.yaml').exists(): 'allowEmpty did not delete the Model'
assert !new File(basedir, '.kubeai-swap').exists(): 'scratch space was left in the repo'
return true
