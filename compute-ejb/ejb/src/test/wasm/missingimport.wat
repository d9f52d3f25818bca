;; Imports a function that neither WASI nor any import module provides.
(module
  (import "nowhere" "missing" (func $missing))
  (func (export "_start") (call $missing)))
