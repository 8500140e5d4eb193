package extract

// Name cues: the words around a capitalised run that say whether it names
// a person, a place or an organisation. (Being replaced by the lexicon.)

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

// commonPlurals are groups of people that open sentences ("Residents woke
// …", "Witnesses said …"); capitalised there, they are still not names.
var commonPlurals = words(`officials residents witnesses relatives analysts observers experts police rescuers soldiers
troops photos sources reports locals authorities villagers survivors families neighbours neighbors volunteers doctors
workers engineers investigators prosecutors lawmakers protesters militants fighters people`)
