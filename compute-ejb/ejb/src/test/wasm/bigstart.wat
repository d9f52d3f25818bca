;; Declares 1024 pages (64 MiB) of memory at start: more than a 16 MiB limit allows.
(module
  (memory (export "memory") 1024)
  (func (export "_start")))
