"""PDF building blocks shared by every document the app prints: the embedded CJK font
(``fonts``) and the signature boxes PDF signatures are placed in (``slots``). The result
sheets' layout kit is ``results/pdfkit.py``; the demo's sample documents ``demo/pdfs.py``."""
