"""Word lists the detector's rules are written in: triggers, place and force nouns, modality cues.

Kept apart from the rules so that a reviewer can read what the detector reacts to in one place.
"""

from __future__ import annotations

import re

from service.detect.actors import ACTOR_PATTERN

# --- territorial control -------------------------------------------------------------------------------
# Subject gains the object place ("rebels captured X", passive "X was captured by rebels").
GAIN_VERBS = frozenset(
    "capture recapture seize take retake retook occupy reoccupy liberate overrun overran storm secure clear "
    "regain annex conquer win control overtake reclaim free recover wrest".split()
)
# Entering or reaching a place is partial control.
PARTIAL_VERBS = frozenset("enter storm reach penetrate infiltrate breach".split())
# Motion verbs whose "into P" makes partial control ("fought their way into", "surged into", "broke into").
INTO_VERBS = frozenset(
    "fight force push break surge charge advance move sweep battle storm make roll rumble march walk pour"
    .split()
)
# Subject gives up the place.
LOSE_VERBS = frozenset("withdraw retreat pull abandon evacuate leave flee lose surrender cede vacate".split())
# Subject hands the place over "to" someone.
HANDOVER_VERBS = frozenset("hand cede surrender transfer return".split())
# Subject drives the object (an armed actor) "out of/from" the place.
DRIVE_VERBS = frozenset("drive push expel oust force flush chase rout".split())
# "gained a foothold in P", "made advances in P": part of P taken
GROUND_NOUNS = frozenset("foothold gain advance inroad ground".split())
GROUND_VERBS = frozenset("gain make establish win".split())
# "X fell to Y"
FALL_VERBS = frozenset({"fall"})
# Nouns that name the change itself ("the capture of X", "the fall of X").
GAIN_NOUNS = frozenset("capture recapture seizure takeover liberation conquest annexation handover".split())
LOSS_NOUNS = frozenset("fall loss".split())
# "took/seized/gained/regained/assumed/established/imposed control (of|over) P"
CONTROL_VERBS = frozenset(
    "take seize gain regain assume establish impose wrest retake retook reassert win have lose cede secure "
    "restore extend obtain claim give".split()
)  # "rebels claimed control of Rubaya": a claim by the side that took it; "giving its forces control of"
# "raised the national flag over Sloviansk"
FLAG_VERBS = frozenset("raise hoist plant fly".split())

# "The ministry named the villages as Strilecha, Pylna and Borysivka": the places a capture told before
NAMING_VERBS = frozenset("name identify list".split())
# "Zaranj fell on 6 August, and Sheberghan followed the next day": the next place went the same way
FOLLOW_VERBS = frozenset({"follow"})

TC_TRIGGER_LEMMAS = (
    NAMING_VERBS
    | FOLLOW_VERBS
    | GAIN_VERBS
    | PARTIAL_VERBS
    | LOSE_VERBS
    | HANDOVER_VERBS
    | DRIVE_VERBS
    | FALL_VERBS
    | GAIN_NOUNS
    | LOSS_NOUNS
    | {"pass"}  # "passed to Federation control"
    | {"occupation"}  # "completed the occupation of Grozny" (control.py reads only an occupation completed)
)

# --- deployment ----------------------------------------------------------------------------------------
DEPLOY_VERBS = frozenset(
    "deploy redeploy send dispatch station base transfer move rush airlift fly ship reinforce bring gather "
    "mass mobilize position transport ferry concentrate call contribute commit pledge add set establish relocate pour "
    "reposition shift assemble rotate drop carry insert".split()
)
ARRIVE_VERBS = frozenset(
    "arrive head land reach enter cross travel go come return sail steam parachute wade wad".split()
)  # "wad": the lemma the tagger gives "waded"
# Zones that no side holds: forces entering "the demilitarized zone" move, they take nothing.
NEUTRAL_ZONE_WORDS = frozenset("demilitarized demilitarised buffer neutral".split())
# Verbs of one journey: "flew the company to H-1 and then to the airfield" ends at the airfield.
JOURNEY_VERBS = frozenset("fly airlift ferry transport ship sail drive travel".split())
# Words that order the stops of a route: "to H-1 and then to the airfield", "and eventually to Kobani".
SEQUENCE_WORDS = frozenset("then later eventually subsequently finally afterwards onward onwards".split())
# ... "hand" too: handing over a base pulls its garrison out ("handed over its last base to the army")
# A side giving a place up: "the rebels had abandoned", "Moscow pulled its forces out", "troops withdrew"
GIVE_UP_VERBS = frozenset("abandon flee withdraw pull leave retreat evacuate vacate".split())
# where a force lives: "their camp in Kidal", "its barracks" (left, not ground lost to anyone)
QUARTERS_NOUNS = frozenset("base camp barracks barrack outpost garrison compound post bunker".split())
WITHDRAW_VERBS = frozenset(
    "withdraw pull evacuate remove reduce recall desert leave depart hand disengage".split()
)
PRESENCE_VERBS = frozenset(
    "bolster boost increase strengthen expand double triple raise augment build enhance".split()
)
# Verbs that shift forces already in the field: "redeployed to other sectors" tells only that they left.
REPOSITION_VERBS = frozenset("redeploy move transfer shift relocate reposition".split())
# One force takes over from another: the newcomers arrive, the replaced leave.
REPLACE_VERBS = frozenset("replace".split())
DEPLOY_NOUNS = frozenset("deployment redeployment dispatch buildup build-up reinforcement surge".split())
WITHDRAW_NOUNS = frozenset(
    "withdrawal pullout pull-out drawdown draw-down pull-back departure evacuation".split()
)
PRESENCE_NOUNS = frozenset("presence level levels deployment".split())
# Words of a unit's own name ("the 1st Armoured Division", "the U.S. Army National Guard"): no owner alone.
UNIT_NAME_WORDS = frozenset(
    "army armies navy guard guards force forces marine marines corps division brigade regiment battalion "
    "infantry armoured armored airborne mountain expeditionary regimental commando amphibious ready cavalry mechanized mechanised motorized "
    "motorised rifle ranger rangers special operations command military ministry defence defense tank "
    "artillery air naval national combined joint arms landing fleet assault task combat team group separate "
    "independent motor".split()
)
# Verbs whose subject or "by" agent comments on a movement made by others ("welcomed the withdrawal of",
# "was estimated by CNN to have").
COMMENT_VERBS = frozenset(
    "welcome condemn criticize criticise denounce praise hail oppose protest note slam decry deplore "
    "question doubt fear estimate assess judge believe describe report observe monitor".split()
)

DEP_TRIGGER_LEMMAS = (
    DEPLOY_VERBS
    | ARRIVE_VERBS
    | WITHDRAW_VERBS
    | PRESENCE_VERBS
    | REPLACE_VERBS
    | DEPLOY_NOUNS
    | {"regroup", "drive"}  # "its troops in the Izium area were being regrouped", "drove on to Pristina"
    | {"wind"}  # "voted to wind down the peacekeeping force in southern Lebanon"
    | {"cut"}  # "Sudan has cut the number of its troops in Yemen to 5,000"
    | WITHDRAW_NOUNS
    | {"due", "way"}  # "300 paratroopers are due in Yavoriv", "the destroyer was on its way to the Gulf"
    | {"join"}  # "They will be joined in April by a company of about 300 French troops"
    | {"lead"}  # "led a column of fighters out of Sloviansk"
    | {"grow", "rise", "climb", "swell"}  # "the number of French troops in Mali had grown to about 2,000"
    | INTO_VERBS  # "Russian peacekeepers rolled into Nagorno-Karabakh"
)

# Places that only forces hold: evacuating one withdraws its garrison.
MILITARY_SITES = frozenset(
    "base bases airbase airbases outpost outposts garrison barracks checkpoint checkpoints position positions "
    "fort fortress headquarters".split()
)

# Force nouns that count kit rather than people: "six jets and 600 personnel" numbers 600 personnel.
EQUIPMENT_NOUNS = frozenset(
    "warship warships ship ships destroyer destroyers frigate frigates carrier carriers submarine submarines "
    "aircraft jet jets bomber bombers helicopter helicopters battery batteries missile missiles tank tanks "
    "system systems launcher launchers artillery howitzer howitzers drone drones warplane warplanes plane "
    "planes vehicle vehicles gunship gunships squadron squadrons armour armor".split()
)
# Kit that flies: a sortie flown out and back moves no force anywhere.
AIRCRAFT_NOUNS = frozenset(
    "aircraft jet jets bomber bombers warplane warplanes plane planes helicopter helicopters drone drones "
    "gunship gunships".split()
)
# Verbs of handing weapons over: "providing gunships, Russia transferred air defense systems to Syria" arms a
# state, it moves no force of its own.
SUPPLY_VERBS = frozenset("provide supply deliver sell donate give".split())
# Nouns that name armed forces (heads of a force phrase): people and units, and the kit above.
FORCE_NOUNS = (
    frozenset(
        "troop troops soldier soldiers force forces personnel marine marines paratrooper paratroopers commando "
        "commandos reinforcement reinforcements fighter fighters militant militants peacekeeper peacekeepers "
        "battalion battalions brigade brigades division divisions regiment regiments unit units contingent "
        "contingents detachment detachments company companies platoon platoons squadron squadrons adviser "
        "advisers advisor advisors trainer trainers instructor instructors mercenary mercenaries guard guards "
        "army armies navy "
        "convoy convoys infantry rangers seals operator operators boots militia militias militiamen corps defenders "
        "battlegroup battlegroups grouping groupings taskforce taskforces "
        "servicemembers servicemen airmen sailors legionnaires gunmen insurgents rebels jihadists remnants "
        "element elements conscripts recruits reservists peshmerga "
        # unit abbreviations: brigade combat teams, Marine expeditionary units, battalion tactical groups
        "bct bcts abct ibct sbct meu btg btgs".split()
    )
    | EQUIPMENT_NOUNS
)
# Forces that are not armed forces in the sense of the guidelines.
NON_MILITARY_NOUNS = frozenset(
    "police policemen officer officers riot protester protesters diplomat diplomats inspector inspectors "
    "observer observers monitor monitors worker workers doctor doctors journalist journalists envoy envoys "
    "delegation aid volunteers firefighters rescuers demonstrators activists students democrats republicans "
    "voters fans crews fishing merchant supporters".split()
)

# --- places --------------------------------------------------------------------------------------------
PLACE_NOUNS = frozenset(
    "village villages town towns city cities district districts neighbourhood neighbourhoods neighborhood "
    "neighborhoods area areas region regions province provinces governorate oblast territory territories "
    "hill hills height heights mountain mountains ridge base bases airbase airbases airport airports "
    "airfield airfields field fields oilfield oilfields refinery dam dams bridge bridges crossing crossings "
    "checkpoint checkpoints position positions outpost outposts settlement settlements hamlet hamlets "
    "suburb suburbs quarter quarters sector sectors stronghold strongholds port ports seaport harbour harbor "
    "island atoll islands capital headquarters compound compounds garrison road roads highway highways "
    "junction "
    "plant station stations prison hospital mosque university palace building buildings complex "
    "farm farms wells valley bank banks front frontline line lines bridgehead plain plains enclave pocket "
    "fort fortress citadel camp camps zone zones border borders coast center centre outskirts frontier "
    "hilltop hilltops point points tower towers facility facilities reservoir mount peak peaks countryside hub "
    "corridor airstrip airstrips runway defile salient salients axis "
    "depot terminal terminals castle stadium school factory mine quarry quarries barracks ministry square triangle post posts "
    "gate gates entrance silo silos roundabout roundabouts location locations crossroads country states "
    "republics waters community communities kibbutz county counties municipality municipalities township townships "
    "peninsula peninsulas".split()
)
# Words that, as an object, make a seizure of things or people rather than of a place.
THING_NOUNS = frozenset(
    "weapon weapons arms ammunition mines explosives ship ships vessel vessels tanker tankers boat boats freighter "
    "freighters hostage hostages "
    "prisoner prisoners people men women children civilians american americans citizen citizens journalist "
    "journalists worker workers vehicle vehicles truck trucks car cars cargo cash money assets property "
    "properties land document documents passport passports equipment drugs shipment power initiative "
    "momentum lead opportunity chance seat seats office power senate congress parliament assembly council "
    "committee board majority house presidency government company stake title championship".split()
)
REGION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern".split()
)

# --- modality ------------------------------------------------------------------------------------------
# Heads under which an infinitive trigger is only an intention ("the push to capture").
INTENT_HEADS = frozenset(
    "push attempt try seek aim plan intend vow threaten hope want prepare bid effort offensive operation "
    "campaign fight battle launch move struggle strive expect need propose consider mull weigh urge ask "
    "call demand request refuse decline wish set look order_only threat goal objective mission drive race "
    "unable fail".split()
)
# Fighters no state's army fields: "rebels", "militants", "gunmen" (singular and plural as written)
IRREGULAR_NOUNS = frozenset(
    "insurgent insurgents rebel rebels militant militants fighter fighters jihadist jihadists gunman gunmen "
    "guerrilla guerrillas extremist extremists separatist separatists militia militias militiaman militiamen".split()
)
# What a retreat is made "to avoid": being encircled, surrounded, trapped, captured, cut off
CAUGHT_WORDS = frozenset("encircle encirclement surround trap capture cut envelop".split())
# Heads under which an infinitive trigger did happen ("managed to capture", "were forced to withdraw").
REALIS_HEADS = frozenset("manage succeed force compel oblige able have".split())
# ... and for a movement of forces, beginning it is doing it ("began to withdraw").
REALIS_HEADS_DEPLOYMENT = REALIS_HEADS | frozenset("begin start continue".split())
# Reporting verbs that make a control change a claim by one side.
CLAIM_VERBS = frozenset("claim announce say state report assert tell declare insist boast allege".split())
DENIAL_VERBS = frozenset("deny reject dismiss refute".split())
SPECULATION_WORDS = frozenset(
    "consider mull weigh urge request demand refuse ask propose discuss debate contemplate may might could "
    "should possible possibly likely would-be".split()
)
# the deals a pull-out or a handover is made under: "under the agreement", "under a cease-fire deal"
AGREEMENT_WORDS = frozenset("deal agreement ceasefire cease-fire truce accord".split())
HYPOTHETICAL_MODALS = frozenset("could might may should must can".split())
FUTURE_MODALS = frozenset("will would shall 'll".split())
ANNOUNCE_HEADS = frozenset(
    "announce order decide approve authorize plan pledge promise agree confirm say vow declare intend set "
    "prepare allow permit authorise vote direct task undertake schedule slate".split()
)

# Pre-filter: a sentence is parsed only when it holds a strong trigger stem, or a weak one (common in any
# news: "took", "left", "head") together with a word that puts armed forces in the sentence.
_STRONG_STEMS = (
    r"captur|recaptur|seiz|retak|retook|liberat|overr[au]n|overt[ao]ok|annex|reoccup|occup|deploy|redeploy|reinforc|withdr|"
    r"pullout|pull-out|drawdown|troop|surrender|fell to|fall of|driven (?:out|from)|drove (?:out|from)|control (?:of|over)\b|"
    r"under (?:\w+ ){0,3}control|passed to (?:\w+ ){0,3}control\b|flags? (?:over|above|atop)\b|sovereignty over\b|"
    r"(?:named|identified|listed) the (?:villages|towns|settlements) as\b"
)
_WEAK_STEMS = (
    r"took|take|taken|taking|control|storm|secur|clear|regain|won |win |fell|fall|retreat|pull|abandon|evacuat|"
    r"left |leave|leaving|flee|fled|lost|lose|loss|surrender|ced|hand|driv|drove|expel|oust|push|forc|enter|reach|"
    r"breach|penetrat|infiltrat|broke|surg|charg|fought|fight|sent|send|dispatch|station|based|transfer|mov|"
    r"rush|rout(?:ed|ing|s)?\b|hoist|airlift|brought|bring|gather|assembl|concentrat|rotat|mass|mobili|arriv|head|land|remov|reduc|cut(?:s|ting)?\b|recall|bolster|boost|increas|rais(?:e|es|ed|ing)\b|doubl|tripl|expand|strengthen|cross|sail|steam(?:ed|ing|s)\b|"
    r"flew|flown|fly|parachut|dropp|shipp|carri|carry|ashore\b|march|rolled into|rolls into|rolling into|"
    r"rolled across|rolling across|rolled out|rolling out|rumbl|passed (?:through|into)|walked into|"
    r"poured into|"
    r"swe(?:pt|eps?|eping) (?:into|through)|"
    r"return|home\b|adds?\b|added\b|adding\b|establish|set(?:s|ting)? up\b|set(?:s|ting)? (?:off|out)\b[^.]{0,60}?\bfor\b|join|"
    r"buildup|build-up|buil[dt]s? up\b|building up\b|presence|transport|ferr|desert|depart|contribut|commit|pledg|foothold|gain|advance|inroad|"
    r"reclaim|recover|wrest|freed\b|frees\b|freeing\b|ordered\b|orders\b|replac|travel|reposition|position(?:ed|ing)\b|relocat|shift|augment|follow|"
    r"wind(?:s|ing)? down\b|wound down\b|"
    r"due (?:in|at|to)\b|be out of\b|on (?:its|their) way to\b|led\b[^.]{1,100}?\bout of\b|number of\b"
)
_MILITARY_CUES = (
    r"troop|soldier|force|army|armies|militar|marine|militant|rebel|fighter|insurgent|jihadist|extremist|"
    r"guerrill|militia|brigade|battalion|regiment|division|corps\b|unit|commando|paratroop|peacekeep|"
    r"navy|naval|warship|"
    r"aircraft|jets?\b|islamic state|taliban|hezbollah|houthi|wagner|shabab|peshmerga|guard|offensive|battle|"
    r"assault|attack|counter|raid|siege|front|defen|mercenar|separatist|occupation|invasion|invader|garrison|coalition|gunmen|"
    r"personnel|advis|contingent|detachment|reinforcement|artillery|tank|airbase|checkpoint|outpost|company\b|"
    r"platoon|police|officers|Fleet\b|fighting\b|shelling\b|bombard|clashes\b|"
    r"convoy|columns?\b|reserves?\b|armou?r(?:ed)?\b|reservist|conscript|recruit|paramilitar|air ?bases?\b|airfields?\b|"
    # the kit news reports moving: "two B-52 bombers arrived", "a carrier strike group", "the USS Ford"
    r"bombers?\b|warplanes?\b|destroyers?\b|frigates?\b|submarines?\b|aircraft carriers?\b|strike group|"
    r"air defen|missile|patriots?\b|helicopters?\b|squadron|airborne|infantry|sailors\b|airmen\b|"
    r"service ?members|pentagon|USS\b|HMS\b|"
    r"flags?\b"  # "the flag of Azerbaijan had been raised over the bridge": a side's sign that it holds it
)
WARPLANE_MODEL = r"(?:F|B|A|Su|MiG|Tu|J)-\d{1,3}[A-Z]?"  # "F-16", "Su-25", "MiG-29"
# warplanes by name, in the plural only ("four RAF Typhoons"; a "Typhoon" may be a storm)
WARPLANE_NAMES = r"(?:Typhoon|Tornado|Rafale|Gripen|Eurofighter|Mirage|Harrier|Raptor|Reaper|Apache|Chinook)s"
_ACRONYM_CUES = (
    r"\b(?:IS|ISIS|ISIL|SDF|YPG|PKK|FSA|SAA|NATO|LPR|DPR|HTS|IRGC|AMISOM|NDF|PMF|PMU|ISF|ANA|SNA)\b"
    # warplanes by model: "The last Dutch F-16s left Jordan", "two Su-25s"
    rf"|\b{WARPLANE_MODEL}s?\b|\b{WARPLANE_NAMES}\b"
)
# an armed group the lists do not know, named by its initials, in a story of war: "the GUNT took Faya-Largeau";
# alone it is as likely a party winning a city ("the AKP lost Istanbul to the CHP")
_INITIALS = re.compile(r"\b[A-Z]{3,6}\b")
# Words that put a sentence in a war whatever else it is about (not "attack", "defence", "front": a match has them)
WAR_WORDS = re.compile(
    r"\b(?:troops?|soldiers?|arm(?:y|ies)|militar|fighters|rebels?|militias?|insurgen|guerrill|war\b|battle|"
    r"offensive|siege|shell(?:s|ed|ing)\b|bomb|retreat|abandon|captur|seiz|recaptur|overr[au]n|garrison|"
    r"weapons|gun|artillery|tanks\b|ambush|surrender)",
    re.IGNORECASE,
)
# "Habré's men": a commander's fighters where the sentence is about war, a coach's players where it is not
_COMMANDERS_MEN = re.compile(r"['’]s men\b")
_STRONG = re.compile(rf"\b(?:{_STRONG_STEMS})", re.IGNORECASE)
_WEAK = re.compile(rf"\b(?:{_WEAK_STEMS})", re.IGNORECASE)
_CUE = re.compile(rf"\b(?:{_MILITARY_CUES})", re.IGNORECASE)
_ACRONYM = re.compile(_ACRONYM_CUES)


def is_candidate(sentence: str, *, after_candidate: bool = False, war_story: bool = False) -> bool:
    """Is the sentence worth parsing? Linear-time regular expressions, no backtracking traps.
    `after_candidate`: the sentence before was one, so "They took Kyauktaw", "the group took" go on its story.
    `war_story`: the article tells of a war (`is_war_story`), so a group named by its initials may be a side."""
    if _STRONG.search(sentence) or _FALLEN_PLACE.search(sentence):
        return True
    return bool(_WEAK.search(sentence)) and bool(
        _CUE.search(sentence)
        or _ACRONYM.search(sentence)
        or ACTOR_PATTERN.search(sentence)
        or (_COMMANDERS_MEN.search(sentence) and WAR_WORDS.search(sentence))
        or (after_candidate and _ANAPHORIC_SIDE.search(sentence))
        or ((after_candidate or war_story) and _INITIALS.search(sentence))
        or (war_story and (_HANDED_TO.search(sentence) or _TAKEN_IN_A_WAR.search(sentence)))
        or (war_story and _PEOPLE_AS_A_SIDE.search(sentence))
    )


# a people for its army, in a story of war: "the Israelis took Lydda Airport", "the Germans entered Kharkov"
_PEOPLE_AS_A_SIDE = re.compile(r"\b[Tt]he (?:[A-Z][a-z]+(?:ans|ians|is|ese)|British|French|Dutch)\b")


# a place handed to a state in a war story needs no military word: "Aghdam was handed over to Azerbaijan",
# "Those three settlements passed to Azerbaijan"
_HANDED_TO = re.compile(
    r"\b(?:hand(?:ed|s|ing)? (?:over|back)|pass(?:ed|es)? (?:back )?to|transferred to|returned to|cede[ds]?)\b"
)


# a place taken in a war story's narration needs no military word either: "Druzhkivka and Artemivsk were recovered
# over the following days", "Meiktila was finally cleared on 4 March", "Azerbaijan took over the Aghdam District",
# "Zangilan followed on 20 October"
_TAKEN_IN_A_WAR = re.compile(
    r"\b(?:recover(?:ed|s)|(?:was|were) (?:\w+ )?(?:cleared|taken)|t(?:ook|aken|akes) over|abandoned|evacuated|"
    r"in (?:\w+ ){1,2}hands|[A-Z][\w'’-]+ followed)\b"
)


def is_war_story(sentences: list[str]) -> bool:
    """Do two sentences or more speak of war ("troops", "recaptured", "bombed")?"""
    return sum(1 for s in sentences if WAR_WORDS.search(s)) >= 2


# "Sirte fell on 20 October", "the town fell within hours": a place named falling needs no military word
_FALLEN_PLACE = re.compile(
    r"\b[A-Z][\w'’-]+ fell\b|\b(?:town|city|village|base|capital|airport|garrison) fell\b"
    r"|\b(?:town|city|village|base|capital|stronghold)s? to fall\b"  # "the first provincial capital to fall"
    r"|\b(?:has|have|had|to have) (?:also |now )?fallen\b"  # "were also reported to have fallen"
)
_ANAPHORIC_SIDE = re.compile(r"\b(?:[Tt]hey|[Ii]t|[Tt]he (?:group|militia|movement))\b")

# Offices a person speaks or acts from: "President Ruto", "Defence Minister Rustem Umerov"
OFFICES = frozenset("president minister secretary chancellor premier commander chief general".split())
