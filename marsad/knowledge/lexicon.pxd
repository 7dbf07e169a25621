# Cython declarations for the compiled build (setup.py); plain Python ignores this file.
cimport cython

@cython.locals(n=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t, w0=Py_ssize_t, last=Py_ssize_t, length=Py_ssize_t,
               word_end=Py_ssize_t, loose=bint)
cpdef _scan(auto, str text, list out)
