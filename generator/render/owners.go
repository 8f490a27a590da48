package render

import "archfolio/generator/markup"

// PutOwnerLink writes an owner linked to their page, for a view's page that
// names owners (the data quality page).
func PutOwnerLink(w markup.Writer, pg *Page, owner string) { putOwnerLink(w, pg, owner) }
