"""Names spelled once: normalisation steps, edit reasons, line actions and line reasons.

Every edit and every line decision carries one of these codes, so stats, tests and the CLI summary agree.
"""

from __future__ import annotations

# --- normalisation steps (Edit.step), in the order they run -------------------------------------
STEP_NEWLINES = "newlines"
STEP_INVISIBLE = "invisible"
STEP_PINYIN = "pinyin"
STEP_MOJIBAKE = "mojibake"
STEP_SCRIPT = "script"
STEP_WIDTH = "width"
STEP_PARAGRAPHS = "paragraphs"
STEPS = (
    STEP_NEWLINES,
    STEP_INVISIBLE,
    STEP_PINYIN,
    STEP_MOJIBAKE,
    STEP_SCRIPT,
    STEP_WIDTH,
    STEP_PARAGRAPHS,
)

# --- edit reasons ---------------------------------------------------------------------------------
CRLF = "crlf_to_lf"
PINYIN_ANNOTATION = "pinyin_annotation"
MOJIBAKE_SHIFT = "gbk_byte_shift"
MOJIBAKE_LOST_BYTE = "gbk_lost_byte_named_by_pinyin"
MOJIBAKE_INFERRED_MARKER = "heading_number_inferred"
MOJIBAKE_UNREPAIRABLE = "unrepairable_mojibake_removed"
T2S = "traditional_to_simplified"
FULLWIDTH_ASCII = "fullwidth_ascii_to_halfwidth"
BRACKET_FORM = "enumeration_bracket_form"
ZERO_WIDTH = "zero_width_removed"
INDENT = "indentation_removed"
SPACE = "space_collapsed"
CONTROL = "control_character_removed"
LONE_SURROGATE = "lone_surrogate_removed"
JOIN_BROKEN_LINE = "broken_line_joined"
SPLIT_INDENTED = "indented_paragraph_split"

# --- line actions ----------------------------------------------------------------------------------
KEEP = "keep"
DROP = "drop"
TITLE = "title"
META = "meta"
BLANK = "blank"  # blank lines: recorded, never written to --explain
ACTIONS = (KEEP, DROP, TITLE, META)

# --- line reasons ----------------------------------------------------------------------------------
R_BODY = "body"
R_HEADING = "heading"
R_CONTINUATION = "continuation"
R_TITLE = "title"
R_META = "metadata"
R_BLANK = "blank"
R_REPEATED_TITLE = "repeated_title"
R_SHARE = "share_widget"
R_BREADCRUMB = "breadcrumb"
R_RECOMMEND = "recommended_links"
R_RELATED = "related_articles"
R_COPYRIGHT = "copyright"
R_ICP = "icp_licence"
R_POWERED_BY = "powered_by"
R_DISCLAIMER = "disclaimer"
R_SITE_PROMO = "site_promotion"
R_PAGE_NUMBER = "page_number"
R_PAGE_MARKER = "page_marker"
R_PLACE_LIST = "place_name_list"
R_PAYWALL = "paywall_tail"
R_LICENSE_FOOTER = "public_domain_footer"
R_NAV = "navigation"
R_SPACED_MENU = "spaced_menu"
R_CONTACT = "contact_info"
R_VISITOR = "visitor_counter"
R_ORGANISER = "site_organiser"
R_HEAD_ZONE = "navigation_before_body"
R_TAIL_ZONE = "after_page_footer"
R_CORPUS_REPEATED = "repeated_across_corpus"
R_UI_CONTROLS = "ui_controls"
R_COUNTER = "counter"
R_FORUM = "forum_furniture"
R_MEDIA_PLACEHOLDER = "media_placeholder"
R_ATTACHMENT = "attachment_link"
R_SEPARATOR = "separator_line"
R_LOGIN = "login_or_app_promotion"
R_BROWSER_TITLE = "browser_title"
R_RELATED_ITEM = "related_list_item"
R_COMMENTS = "comment_section"
R_AMONG_FURNITURE = "among_furniture"
R_SIGNATURE = "repeated_signature"
R_PHOTO_CAPTION = "photo_caption"  # dropped; kept on a photo page, whose captions are all its text
R_REPLY_THREAD = "reply_thread"
R_REPEATED_BLOCK = "repeated_block"
R_EDITORIAL = "editorial_note"
R_NOISE = "anti_copy_noise"
R_DOC_NUMBER = "document_number"

# --- reasons readers give from a document's structure (reportnlp.readers: hints) -------------------------
R_DOM_NAV = "dom:nav"
R_DOM_FOOTER = "dom:footer"
R_DOM_COPYRIGHT = "dom:copyright"
R_DOM_SHARE = "dom:share"
R_DOM_COMMENT = "dom:comment"
R_DOM_BREADCRUMB = "dom:breadcrumb"
R_DOM_SIDEBAR = "dom:sidebar"
R_DOM_RELATED = "dom:related"
R_DOM_AD = "dom:ad"
R_DOM_PAGER = "dom:pager"
R_DOM_LINK_DENSE = "dom:link_dense"
R_DOM_OUTSIDE_MAIN = "dom:outside_main"
R_DOM_REPEATED = "dom:repeated_block"  # a second copy of the article's text
R_DOM_BROWSER_TITLE = "dom:browser_title"
R_DOM_MAIN = "dom:main_content"  # kept: inside the page's main block, whatever its position says
R_DOCX_HEADER = "docx:header"
R_DOCX_FOOTER = "docx:footer"
R_PDF_HEADER = "pdf:running_header"
R_PDF_FOOTER = "pdf:running_footer"
R_PDF_PAGE_NUMBER = "pdf:page_number"
READER_REASONS = (
    R_DOM_NAV, R_DOM_FOOTER, R_DOM_COPYRIGHT, R_DOM_SHARE, R_DOM_COMMENT, R_DOM_BREADCRUMB,
    R_DOM_SIDEBAR, R_DOM_RELATED, R_DOM_AD, R_DOM_PAGER, R_DOM_LINK_DENSE, R_DOM_OUTSIDE_MAIN, R_DOM_REPEATED,
    R_DOM_BROWSER_TITLE, R_DOM_MAIN, R_DOCX_HEADER, R_DOCX_FOOTER, R_PDF_HEADER, R_PDF_FOOTER,
    R_PDF_PAGE_NUMBER,
)  # fmt: skip

# --- scripts (CleanDoc.script, normalise.script.detect_script) --------------------------------------
SCRIPT_SIMPLIFIED = "simplified"
SCRIPT_TRADITIONAL = "traditional"
SCRIPT_MIXED = "mixed"
SCRIPT_NONE = "none"
SCRIPTS = (SCRIPT_SIMPLIFIED, SCRIPT_TRADITIONAL, SCRIPT_MIXED, SCRIPT_NONE)
