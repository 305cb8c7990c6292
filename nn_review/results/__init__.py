"""Results of a review session (issue 6): merge, divergence and inter-rater statistics,
the panel's consensus, finalising, signed Chinese PDF sheets, xlsx/json exports.

The functions the UI calls (none of them imports Qt):

* :func:`panel_results` (store, panel_id) → :class:`PanelResults`; :func:`session_results`;
  :func:`application_detail` (store, session_id, application) → :class:`ApplicationDetail`;
  :func:`detail_from` (a merged :class:`PanelResults`, application) → the same without re-merging
* :func:`save_draft`, :func:`clear_draft`, :func:`panel_drafts` (the opinion being typed, per application)
* :func:`set_consensus`, :func:`clear_consensus`, :func:`finalise`, :func:`finalise_problems`,
  :func:`reopen`
* :func:`write_reports` (store, session_id, out_dir, *, sign, progress, cancel) → :class:`ReportResult`;
  :func:`sign_existing` (add the leader's signature later)
* :func:`write_xlsx`, :func:`write_json`, :func:`results_json`

Modules: ``aggregate`` (means, rule, ranking), ``divergence`` (flags), ``agreement``
(severity, Kendall's W), ``loader`` (a panel's rows in one read transaction, as plain frozen
data), ``merge`` (the pure merge of the loaded data + hashes), ``consensus`` (consensus, finalise,
reopen), ``pdfkit`` / ``sheet_pdf`` / ``summary_pdf`` / ``personal_pdf`` (sheets),
``identity`` (the secretary's signing identity; PAdES itself is ``nn_review.pdf.signing``),
``reports`` (writing a session's sheets), ``export`` (xlsx/json), ``cli`` (the ``session`` verbs). pyHanko is imported only when signing.
"""

from __future__ import annotations

from .consensus import clear_consensus, finalise, finalise_problems, finalise_refusal, reopen, set_consensus
from .drafts import Draft, clear_draft, get_draft, panel_drafts, save_draft, session_drafts
from .errors import ResultsError
from .merge import (AppResult, ApplicationDetail, ExpertScore, PanelResults, application_detail, detail_from,
                    panel_results, session_panels, session_results)
from .export import results_json, write_json, write_xlsx
from .reports import ReportResult, sign_existing, write_reports


__all__ = ["AppResult", "ApplicationDetail", "Draft", "clear_draft", "get_draft", "panel_drafts", "save_draft",
           "session_drafts", "ExpertScore", "PanelResults", "ReportResult", "ResultsError", "application_detail",
           "clear_consensus", "detail_from", "finalise", "finalise_problems", "finalise_refusal", "panel_results", "reopen", "results_json",
           "session_panels", "session_results", "set_consensus", "sign_existing", "write_json", "write_reports",
           "write_xlsx"]
