"""REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc) read into plain data.

No storage here: ``read_project`` gives a ``RefiProject`` whose texts are normalised as
every qdaw import and whose selections are in qdaw's code points, with notes on what
could not be carried over; qdaw.services.interchange stores it.
"""
