"""`make bench`: our assistant against Rasa's own starter bot (latency, throughput, memory, training, cold start).

Pure parts (no servers, no Rasa imports): `bench.stats`, `bench.scripts`, `bench.report`, the /proc parsers in
`bench.procs`. The driver is `bench.load`; `bench.run` orchestrates training, servers and the load runs.
"""
