package model

// Edit is what an editor decided about a fact, an entity or the dossier
// (package editorial reads the decisions; the machine's own conclusion is
// kept beside the editor's, so every page can tell them apart).
type Edit struct {
	// Status is the verdict the editor set ("" when the machine's stands);
	// MachineStatus and MachineReason are what the machine had concluded.
	Status        Status `json:"status,omitempty"`
	Reason        string `json:"reason,omitempty"`
	MachineStatus Status `json:"machine_status,omitempty"`
	MachineReason string `json:"machine_reason,omitempty"`
	// MachineTitle (MachineName, MachineKind for an entity) is what a
	// retitle replaced.
	MachineTitle string `json:"machine_title,omitempty"`
	MachineKind  string `json:"machine_kind,omitempty"`
	// Note is the editor's note, in Markdown.
	Note string `json:"note,omitempty"`
	// Changes says in words what else the editor changed: "merged from
	// the Riverton Courier", "3 claims moved in", "claim dropped: an
	// aftershock".
	Changes []string `json:"changes,omitempty"`
	// At is where the decisions are: "content/editorial.yaml:12".
	At string `json:"at"`
}

// Verification is an editor's check of one claim against its original.
type Verification struct {
	Checked string `json:"checked"`         // the day the editor checked it (ISO)
	Quote   string `json:"quote,omitempty"` // the words the editor relies on
	// Failed is set when the quote no longer occurs in the article: the
	// check does not hold any more ("failed verification").
	Failed bool   `json:"failed,omitempty"`
	At     string `json:"at"`
}
