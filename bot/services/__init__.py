"""The supervisor process (`make serve`, `python -m bot.services`): how the action server, the Rasa server and the
demo page are started (commands), started and stopped as process groups (procs), and supervised (serve);
plus the effective Rasa credentials (credentials) and the start-up checks every service runs first (startup).
"""
