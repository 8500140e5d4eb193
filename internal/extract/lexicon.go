package extract

import "strings"

// The lexicons below are generic English news vocabulary, never words of a
// particular incident, place, person or outlet.

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// incidentNouns maps a noun naming an incident to its canonical form.
var incidentNouns = map[string]string{}

func init() {
	for canon, forms := range map[string]string{
		"raid": "raid raids", "attack": "attack assault ambush", "strike": "strike airstrike air-strike",
		"operation": "operation", "incident": "incident", "explosion": "explosion blast", "bombing": "bombing",
		"crash": "crash", "collision": "collision", "earthquake": "earthquake quake tremor temblor",
		"fire": "fire blaze wildfire", "shooting": "shooting", "stabbing": "stabbing", "flood": "flood flooding floods",
		"landslide": "landslide mudslide", "storm": "storm hurricane typhoon cyclone tornado", "eruption": "eruption",
		"derailment": "derailment", "sinking": "sinking capsizing", "accident": "accident", "disaster": "disaster",
		"massacre": "massacre", "collapse": "collapse", "hijacking": "hijacking", "kidnapping": "kidnapping abduction",
		"mission": "mission", "outbreak": "outbreak", "spill": "spill", "riot": "riot riots", "protest": "protest protests",
		"tsunami": "tsunami", "event": "event",
	} {
		for _, f := range strings.Fields(forms) {
			incidentNouns[f] = canon
		}
	}
}

// IncidentNoun returns the canonical incident noun for a folded word, or "".
func IncidentNoun(w string) string { return incidentNouns[w] }

// eventVerbs name an incident by what happened ("the ferry sank on Monday"):
// the verb stands for its noun when a date follows it. Verbs that are as
// often consequences ("houses collapsed", "a car exploded", "roads
// flooded") are left out: every incident-anchored date is the main event's.
var eventVerbs = map[string]string{
	"sank": "sinking", "capsized": "sinking", "crashed": "crash", "erupted": "eruption", "derailed": "derailment",
	"collided": "collision",
}

// occurrenceVerbs say that an incident happened ("the raid took place").
var occurrenceVerbs = words(`took take takes taking occurred occurs occur happened happens happen unfolded unfolds
struck strikes hit hits began begins started starts erupted erupts broke launched carried conducted came rattled
jolted shook shakes jolts rocked rocks was were is came`)

// weakOccurrence are occurrence words that only count right after the noun.
var weakOccurrence = words(`was were is came`)

// titles precede a person's name ("President", "Gen.") and are not part of it.
var titles = words(`president vice former late prime minister secretary senator sen rep representative governor gov
mayor general gen colonel col senior lieutenant lt captain capt sergeant sgt major maj admiral adm commander chief
director dr doctor prof professor mr mrs ms miss sir dame lord lady king queen prince princess sheikh imam pope
premier chairman chairwoman chair ambassador judge justice officer detective inspector superintendent spokesman
spokeswoman spokesperson analyst minister deputy acting interim supreme leader emir president-elect reverend rev
father brother sister saint st`)

// roleNouns, in lower case right before a name, mark a person.
var roleNouns = words(`analyst spokesman spokeswoman spokesperson director president minister official researcher
professor commander leader head cousin brother sister mother father son daughter wife husband uncle aunt nephew
niece volunteer resident witness victim survivor farmer teacher student doctor nurse pilot captain driver suspect
gunman colonel general reporter correspondent journalist fellow expert secretary chief mayor governor`)

// kinNouns after a possessive name mark a person ("al-Masoud's mother").
var kinNouns = words(`mother father son daughter wife husband cousin brother sister uncle aunt family relatives
children child parents widow nephew niece grandmother grandfather body death life killing funeral home house`)

// orgHeads, as a word of a name, mark an organisation.
var orgHeads = words(`army ministry command center centre agency press group forces force council department bureau
survey network networks news university party committee organisation organization association company corporation
corp inc ltd bank court government police service services institute federation union office administration
authority commission cross crescent times post herald journal tribune guardian broadcasting television radio tv
guard navy corps fund foundation alliance front movement brigade brigades coalition security house parliament
congress senate assembly agency observatory monitor daily images photos`)

// orgNouns, in lower case around a name, mark an organisation.
var orgNouns = words(`group groups organisation organization agency monitor broadcaster newspaper outlet militia
faction network company firm ministry outlet channel agency's`)

// placeHeads, as the last word of a name, mark a place.
var placeHeads = words(`county province city township town village region district prefecture valley river lake
mountains mountain island islands sea gulf strait desert coast bay street road square capital`)

// placeNouns, in lower case before "of Name" or after "Name, a", mark a place.
var placeNouns = words(`town city village community county province region district capital country township
neighbourhood neighborhood area suburb municipality prefecture state island port`)

// placePreps before a bare name hint at a place.
var placePreps = words(`in near outside across from into towards toward at via through`)

// countryAcronyms are acronyms of countries, which are places.
var countryAcronyms = words(`us u.s. usa u.s.a. uk u.k. uae eu`)

// speechVerbs after a name mark a speaker (a person or an organisation).
var speechVerbs = words(`said says told added noted warned recalled recounted explained stated wrote reported announced
confirmed claimed insisted emphasized emphasised`)

// nameParticles join name words without being capitalised ("bin", "al").
var nameParticles = words(`al el bin ibn bint abu de del della der van von la le da dos du`)

// casualty roles: a word near a count of people that says what was counted.
var casualtyRoles = map[string]string{
	"killed": "deaths", "dead": "deaths", "died": "deaths", "deaths": "deaths", "death": "deaths", "lives": "deaths",
	"killing": "deaths", "fatalities": "deaths", "toll": "deaths", "perished": "deaths", "bodies": "deaths",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured", "injuring": "injured", "wounding": "injured",
	"missing": "missing", "unaccounted": "missing",
	"evacuated": "evacuated", "relocated": "evacuated", "evacuation": "evacuated",
	"displaced": "displaced", "homeless": "displaced",
	"rescued": "rescued", "arrested": "arrested", "detained": "arrested", "affected": "affected",
}

// genericHuman nouns count everyone: their casualty counts are the totals.
// Any other human noun names a group whose count is its own fact
// ("5 children were killed" is not a competing death toll).
var genericHuman = words(`people persons person individuals others victims people's`)

// humanNouns are counted things that a casualty role refines.
var humanNouns = words(`people persons person residents civilians villagers individuals children men women adults
passengers people's victims students workers miners pilgrims tourists migrants others soldiers troops
policemen officers militants fighters crew`)

// nounSynonyms name one counted thing the same way ("soldiers" = "troops").
var nounSynonyms = map[string]string{
	"soldiers": "troops", "servicemen": "troops", "homes": "houses", "dwellings": "houses", "residences": "houses",
	"buildings": "buildings", "fatalities": "deaths",
}

// notPlural are words ending in s that are not plural nouns.
var notPlural = words(`was has does is this its his hers thus across perhaps always news series species whereas unless
various previous serious famous nervous plus bus gas yes ours yours theirs less process analysis crisis basis
status campus census chaos mass loss boss pass class cross press glass us as`)

// measureNouns name what a unit quantity measures ("at a depth of 10 km").
var measureNouns = words(`depth magnitude height length width distance radius area altitude elevation speed`)

// commonPlurals are groups of people that open sentences ("Residents woke
// …", "Witnesses said …"); capitalised there, they are still not names.
var commonPlurals = words(`officials residents witnesses relatives analysts observers experts police rescuers soldiers
troops photos sources reports locals authorities villagers survivors families neighbours neighbors volunteers doctors
workers engineers investigators prosecutors lawmakers protesters militants fighters people`)

// notCounted are plural nouns after a figure that are not a count of
// anything a fact is about: durations, multipliers, and units we do not
// convert ("36 hours", "five times", "3,000 cubic metres").
var notCounted = words(`seconds minutes hours days weeks months years decades centuries times percent degrees
metres meters kilometres kilometers miles feet inches yards litres liters tons tonnes kilos kilograms points`)
