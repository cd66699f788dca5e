"""Everything the Rasa server process loads: the guarded channels, the turn watch, the tracker store and the
patches to Rasa's internals.

Start the server with `python -m bot.rasa_server run <rasa run options>`: it installs the patches
(bot.rasa_server.patches) and hands over to Rasa's own command line.
"""
